// The only file that includes CLI11 (slow to compile): it fills the option structs of
// options.hpp and maps CLI11's errors to capplan's diagnostics and exit codes.

#include "cli/app.hpp"

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "common/version.hpp"
#include "report/metrics.hpp"

namespace capplan::cli {
namespace {

void add_output_options(CLI::App* cmd, OutputOptions& out, const std::vector<std::string>& formats,
                        bool with_get) {
    cmd->add_option("-f,--format", out.format, "Output format: " + join_names(formats, ", "))
        ->type_name("FMT");
    cmd->add_option("-o,--output", out.output_file,
                    "Write to FILE (whole or not at all); - is standard output")
        ->type_name("FILE");
    if (with_get) {
        cmd->add_option("--get", out.get, "Print only this value")->type_name("NAME");
    }
}

void add_queue(CLI::App& app, QueueOptions& o) {
    auto* q = app.add_subcommand(
        "queue", "One station: analyse a server count or size it by limits (M/M/c, G/G/c, "
                 "M/M/c/K)");
    q->add_option("--arrival", o.arrival, "Arrival rate: 1200/s, 54k/min, 2M/day")
        ->required()
        ->type_name("RATE");
    q->add_option("--service", o.service, "Mean service time: 25ms, 1.5s")
        ->required()
        ->type_name("TIME");
    q->add_option("--servers", o.servers, "Analyse this many servers")->type_name("N");
    q->add_option("--max-util", o.max_util, "Size: utilization at most X (70% or 0.7)")
        ->type_name("X");
    q->add_option("--max-wait-prob", o.max_wait_prob, "Size: P(wait) at most X")->type_name("X");
    q->add_option("--mean-wait", o.mean_wait, "Size: mean wait at most TIME")->type_name("TIME");
    q->add_option("--mean-response", o.mean_response, "Size: mean response at most TIME")
        ->type_name("TIME");
    q->add_option("--wait-p99", o.wait_p99, "Size: 99th percentile of wait at most TIME")
        ->type_name("TIME");
    q->add_option("--response-p99", o.response_p99,
                  "Size: 99th percentile of response at most TIME")
        ->type_name("TIME");
    q->add_option("--wait-p", o.wait_p, "Size: the Q-th percentile of wait at most TIME")
        ->allow_extra_args(false)
        ->type_name("Q:TIME");
    q->add_option("--response-p", o.response_p,
                  "Size: the Q-th percentile of response at most TIME")
        ->allow_extra_args(false)
        ->type_name("Q:TIME");
    q->add_option("--service-cv", o.service_cv, "Coefficient of variation of service (1)")
        ->type_name("X");
    q->add_option("--arrival-cv", o.arrival_cv,
                  "Coefficient of variation of inter-arrival times (1 = Poisson)")
        ->type_name("X");
    q->add_option("--capacity", o.capacity, "System capacity K (M/M/c/K; K = servers: Erlang B)")
        ->type_name("K");
    add_output_options(q, o.output, queue_formats(), true);
}

// The plan flags of capplan(1), shared by the commands that plan a workload.
void add_plan_flags(CLI::App* cmd, PlanInputs& in) {
    cmd->add_option("--users", in.users, "User points: 250k, 1,10,100 or a range 1..1M")
        ->type_name("SPEC");
    cmd->add_option("--per-decade", in.per_decade, "Grid points per decade of a range (1..100)")
        ->type_name("N");
    cmd->add_option("--set", in.set, "Override a workload value by its dotted path (repeatable)")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    cmd->add_option("--models", in.models_dir, "Extend or override the catalogue with DIR/*.toml")
        ->type_name("DIR");
    cmd->add_option("--color", in.color, "auto, always or never")->type_name("WHEN");
    cmd->add_option("--choice", in.choice,
                    "path (a growth path a team can follow, the default) or point (the cheapest "
                    "architecture at each point on its own)")
        ->type_name("HOW");
}

// The optional WORKLOAD positional and the plan flags (plan, check).
void add_plan_inputs(CLI::App* cmd, PlanInputs& in) {
    cmd->add_option("WORKLOAD", in.workload,
                    "Workload file (TOML); - for standard input; none: the built-in default");
    add_plan_flags(cmd, in);
}

// The metric list for `capplan plan --help` (the help lists every metric).
std::string metric_help() {
    std::string out = "Metrics (for --get, --fields and budgets):\n";
    for (const auto& m : report::metric_registry()) {
        out += fmt::format("  {:<38} {}{}\n", m.path, m.description,
                           m.unit.empty() ? "" : fmt::format(" [{}]", m.unit));
    }
    return out;
}

void add_plan(CLI::App& app, PlanOptions& o) {
    auto* p = app.add_subcommand("plan", "Plan a workload across user counts (the main job)");
    add_plan_inputs(p, o.inputs);
    add_output_options(p, o.output, plan_formats(), true);
    p->add_option("--fields", o.fields, "Metrics to show (comma-separated, web.* allowed)")
        ->type_name("LIST");
    p->add_option("--breakpoints", o.breakpoints,
                  "all, summary (steady runs summarised, the default) or none, for table and "
                  "markdown")
        ->type_name("HOW");
    p->footer(metric_help());
}

void add_check(CLI::App& app, CheckOptions& o) {
    auto* c = app.add_subcommand(
        "check", "Check budgets and SLOs of a workload's plan (exit 1 when one breaks)");
    add_plan_inputs(c, o.inputs);
    c->add_option("--budget", o.budget_files,
                  "A file of [[budget]] tables, in addition to the workload's (repeatable)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    c->add_option("--compare-to", o.compare_to,
                  "A saved `capplan plan -f json`: the baseline of max_increase budgets")
        ->type_name("BASE.json");
    c->add_flag("--strict", o.strict, "Warnings fail too: warn-level budgets and plan warnings");
    c->add_flag("--exit-zero", o.exit_zero,
                "Exit 0 even when a budget or SLO breaks (bad input still exits 2)");
    add_output_options(c, o.output, check_formats(), false);
    c->footer("Budgets ([[budget]]): metric, max, min, max_increase, max_increase_pct, at_users, "
              "level (error or warn), message, id; see capplan(1).\nExit status: 0 every "
              "error-level budget and SLO holds, 1 one breaks, 2 bad input.");
}

void add_diff(CLI::App& app, DiffOptions& o) {
    auto* d = app.add_subcommand(
        "diff", "Compare two plans point by point (workload TOML or saved plan JSON each)");
    d->add_option("BASE", o.base, "The old side: a workload (TOML) or a saved plan (JSON)")
        ->required();
    d->add_option("NEW", o.next, "The new side: a workload (TOML) or a saved plan (JSON)")
        ->required();
    add_plan_flags(d, o.inputs);
    add_output_options(d, o.output, diff_formats(), false);
}

void add_init(CLI::App& app, InitOptions& o) {
    auto* i = app.add_subcommand("init", "Write the annotated default workload");
    i->add_option("FILE", o.file, "Where to write it (default: standard output)");
    i->add_flag("--force", o.force, "Replace FILE if it exists");
}

void add_models(CLI::App& app, ModelsOptions& o) {
    auto* m = app.add_subcommand("models", "List the catalogue of instances and prices");
    m->add_option("KIND", o.kind, "instances, prices, or a name prefix (db.r7g)");
    m->add_option("--models", o.models_dir, "Extend or override the catalogue with DIR/*.toml")
        ->type_name("DIR");
    add_output_options(m, o.output, models_formats(), false);
}

void add_validate(CLI::App& app, ValidateOptions& o) {
    auto* v = app.add_subcommand("validate", "Parse and check workload files without planning");
    v->add_option("FILE", o.files, "Workload files")->required();
    v->add_option("--models", o.models_dir, "Extend or override the catalogue with DIR/*.toml")
        ->type_name("DIR");
}

void add_network(CLI::App& app, NetworkOptions& o) {
    auto* n = app.add_subcommand("network", "Solve a single-class queueing network file");
    n->add_option("FILE", o.file, "Network file (TOML), - for standard input")->required();
    add_output_options(n, o.output, network_formats(), false);
}

// The long option names of the command the user chose (for did-you-mean).
std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    const CLI::App* scope = &app;
    const auto chosen = app.get_subcommands();
    if (!chosen.empty()) {
        scope = chosen.front();
    }
    for (const CLI::Option* opt : scope->get_options()) {
        for (const auto& name : opt->get_lnames()) {
            names.push_back("--" + name);
        }
    }
    return names;
}

// The first word of a CLI11 message that looks like a flag, if any.
std::string flag_in(const std::string& message) {
    const auto pos = message.find("--");
    if (pos == std::string::npos) {
        return {};
    }
    auto end = message.find_first_of(" :,=", pos);
    return message.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
}

UsageError translate(const CLI::ParseError& e, const CLI::App& app) {
    const std::string what = e.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
        // "The following argument(s) were not expected: --foo bar"
        const auto colon = what.find(": ");
        const std::string extras = colon == std::string::npos ? what : what.substr(colon + 2);
        // Report the first unknown option if there is one (its value follows it as an extra).
        std::string extra = extras.substr(0, extras.find(' '));
        if (const auto dash = extras.find("--"); dash != std::string::npos) {
            extra = extras.substr(dash, extras.find(' ', dash) - dash);
        }
        std::string message = "unknown option";
        if (extra.rfind("--", 0) == 0) {
            const std::string name = extra.substr(0, extra.find('='));
            if (auto guess = closest_match(name, option_names(app))) {
                message += fmt::format("; did you mean {}?", *guess);
            }
            return UsageError(name, message);
        }
        return UsageError("", fmt::format("unexpected argument '{}'", extra));
    }
    if (what.find("subcommand is required") != std::string::npos ||
        what.find("A subcommand") != std::string::npos) {
        return UsageError("", "a command is required: plan, check, diff, init, models, validate, "
                              "queue or network (see capplan --help)");
    }
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
        const std::string flag = flag_in(what);
        if (!flag.empty()) {
            return UsageError(flag, "is required");
        }
        // A missing positional: "FILE is required".
        const auto chosen = app.get_subcommands();
        const std::string command = chosen.empty() ? "capplan" : chosen.front()->get_name();
        return UsageError("", fmt::format("{}: the {} argument is required", command,
                                          what.substr(0, what.find(' '))));
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
        const std::string flag = flag_in(what);
        return UsageError(flag, flag.empty() ? what : "needs a value");
    }
    const std::string flag = flag_in(what);
    return UsageError(flag, what);
}

} // namespace

ExitStatus run_app(int argc, char** argv) {
    CLI::App app{"capplan: capacity planning for web systems, by queueing theory", "capplan"};
    app.set_version_flag("--version", std::string("capplan ") + version());
    app.require_subcommand(1);
    app.footer("Exit status: 0 success, 1 a broken budget (check), 2 bad input or an "
               "unanswerable question, 3 internal error. See capplan(1).");

    PlanOptions plan;
    CheckOptions check;
    DiffOptions diff;
    InitOptions init;
    ModelsOptions models;
    ValidateOptions validate;
    QueueOptions queue;
    NetworkOptions network;
    add_plan(app, plan);
    add_check(app, check);
    add_diff(app, diff);
    add_init(app, init);
    add_models(app, models);
    add_validate(app, validate);
    add_queue(app, queue);
    add_network(app, network);

    if (argc > 1 && argv[1][0] != '-') {
        // CLI11 would only say a subcommand is required; name the unknown one instead.
        std::vector<std::string> commands;
        for (const CLI::App* sub : app.get_subcommands({})) {
            commands.push_back(sub->get_name());
        }
        const std::string word = argv[1];
        if (std::find(commands.begin(), commands.end(), word) == commands.end()) {
            std::string message = fmt::format("unknown command '{}'", word);
            if (auto guess = closest_match(word, commands)) {
                message += fmt::format("; did you mean {}?", *guess);
            } else {
                message += " (commands: plan, check, diff, init, models, validate, queue, "
                           "network)";
            }
            throw UsageError("", message);
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {
            (void)app.exit(e, std::cout, std::cerr); // --help, --version: stdout, exit 0
            return ExitStatus::ok;
        }
        throw translate(e, app);
    }
    if (app.got_subcommand("plan")) {
        return run_plan(plan);
    }
    if (app.got_subcommand("check")) {
        return run_check(check);
    }
    if (app.got_subcommand("diff")) {
        return run_diff(diff);
    }
    if (app.got_subcommand("init")) {
        return run_init(init);
    }
    if (app.got_subcommand("models")) {
        return run_models(models);
    }
    if (app.got_subcommand("validate")) {
        return run_validate(validate);
    }
    if (app.got_subcommand("queue")) {
        return run_queue(queue);
    }
    return run_network(network);
}

} // namespace capplan::cli

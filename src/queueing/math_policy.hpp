#pragma once
// The Boost.Math error policy of capplan's models: never throw (the models are noexcept and a
// saturated or extreme station is a result, not an exception). Overflow returns ±inf,
// underflow 0, a domain or pole error NaN; callers check and clamp.

#include <boost/math/policies/policy.hpp>

namespace capplan::queueing {

using MathPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::underflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::denorm_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>,
    boost::math::policies::rounding_error<boost::math::policies::ignore_error>,
    boost::math::policies::indeterminate_result_error<boost::math::policies::ignore_error>,
    boost::math::policies::promote_double<false>>;

} // namespace capplan::queueing

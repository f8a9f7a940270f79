// placeholder: filled in by the queueing-core work (issue 2)

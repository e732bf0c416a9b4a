// One topology at a time on the machine: each collection starts its own set of processes (and the
// replicated one its own PostgreSQL), which two cores cannot run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

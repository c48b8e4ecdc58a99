// The attacks load a 2-core machine on purpose; run alone, one at a time, each on its own server.
[assembly: CollectionBehavior(DisableTestParallelization = true, MaxParallelThreads = 1)]

// One server process and one browser serve every test; on a 2-core machine the tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true, MaxParallelThreads = 1)]

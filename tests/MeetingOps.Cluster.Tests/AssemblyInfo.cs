// The failure tests start a Redis and three hosts each; on a 2-core machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Every test here drives real server processes (an ASP.NET Core host with an Orleans silo and SQLite each);
// on a 2-core machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true, MaxParallelThreads = 1)]

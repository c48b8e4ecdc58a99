using System.Runtime.CompilerServices;

// The importer's tests, fuzz harness and benchmarks reach its work meter (a deterministic measure of linearity).
[assembly: InternalsVisibleTo("MeetingOps.Import.Tests")]
[assembly: InternalsVisibleTo("MeetingOps.Import.Fuzz")]
[assembly: InternalsVisibleTo("MeetingOps.Benchmarks")]

using Orleans.Configuration;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// Orleans keeps the address of every grain it has routed a call to in an LRU cache of a million entries by default,
/// and keeps it after the grain is gone. So a scan of random meeting ids from outside grew the host by about 300 bytes an
/// id even though no activation stayed (200,000 lookups: 57 MB of managed heap, up to some 300 MB at the default size;
/// issue 18). A meeting and its sessions, items and floors are a few hundred grains, so a few thousand meetings' worth
/// is enough for the cache to do its work; a miss costs one directory lookup.
/// </summary>
public static class DirectoryCache
{
    public const int MaxEntries = 20_000;

    public static ISiloBuilder BoundDirectoryCache(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = MaxEntries);
    }
}

using System.Buffers.Binary;

namespace MeetingOps.Storage.Sqlite;

/// <summary>
/// Reads the write-ahead log before SQLite opens the database. SQLite replays the log's frames in order and stops,
/// silently, at the first one whose checksum does not match: after a crash that is a torn last write, but garbage in
/// a frame in the middle (a bad disk, a stray write) drops every commit after it, all of them acknowledged (issue 18: two
/// acknowledged commands gone, the host Healthy, no warning). So: a frame that fails its checksum and is followed by
/// frames of the same log generation (same salts) that carry commits is damage, and the store is refused before SQLite
/// recovers, which would discard those frames for good. Only reads the file.
/// </summary>
public static class SqliteWalCheck
{
    private const int HeaderBytes = 32;
    private const int FrameHeaderBytes = 24;

    /// <summary>What is wrong with the WAL of <paramref name="databasePath"/>, or null when it replays whole (or there is none).</summary>
    public static string? Damage(string databasePath)
    {
        var walPath = databasePath + "-wal";
        if (!File.Exists(walPath))
        {
            return null;
        }
        var wal = File.ReadAllBytes(walPath);
        if (wal.Length < HeaderBytes)
        {
            return null; // an empty or torn header: SQLite ignores it, and there is nothing committed in it
        }
        var magic = BinaryPrimitives.ReadUInt32BigEndian(wal);
        if (magic is not (0x377f0682 or 0x377f0683))
        {
            return null; // not a valid log (SQLite ignores it as a whole); nothing in it was ever replayed
        }
        var bigEndian = (magic & 1) == 1;
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(8));
        if (pageSize == 1)
        {
            pageSize = 65536;
        }
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            return null;
        }
        var salt1 = BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(16));
        var salt2 = BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(20));
        var (s0, s1) = Checksum(wal.AsSpan(0, 24), bigEndian, 0, 0);
        if (s0 != BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(24)) || s1 != BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(28)))
        {
            return null; // the header itself does not check: SQLite ignores the whole log
        }

        var frameBytes = FrameHeaderBytes + pageSize;
        var frames = (wal.Length - HeaderBytes) / frameBytes;
        for (var i = 0; i < frames; i++)
        {
            var frame = wal.AsSpan(HeaderBytes + i * frameBytes, frameBytes);
            var sameGeneration = BinaryPrimitives.ReadUInt32BigEndian(frame[8..]) == salt1 && BinaryPrimitives.ReadUInt32BigEndian(frame[12..]) == salt2;
            if (sameGeneration)
            {
                (s0, s1) = Checksum(frame[..8], bigEndian, s0, s1);
                (s0, s1) = Checksum(frame[FrameHeaderBytes..], bigEndian, s0, s1);
                if (s0 == BinaryPrimitives.ReadUInt32BigEndian(frame[16..]) && s1 == BinaryPrimitives.ReadUInt32BigEndian(frame[20..]))
                {
                    continue;
                }
            }
            // The replay stops here. Commits of this generation after it would be dropped.
            var lostCommits = 0;
            for (var j = i + 1; j < frames; j++)
            {
                var later = wal.AsSpan(HeaderBytes + j * frameBytes, FrameHeaderBytes);
                if (BinaryPrimitives.ReadUInt32BigEndian(later[8..]) == salt1 && BinaryPrimitives.ReadUInt32BigEndian(later[12..]) == salt2
                    && BinaryPrimitives.ReadUInt32BigEndian(later[4..]) != 0)
                {
                    lostCommits++;
                }
            }
            return lostCommits == 0
                ? null // a torn last write: nothing after it was ever acknowledged
                : $"its write-ahead log {walPath} is damaged at frame {i + 1} of {frames} (byte {HeaderBytes + (long)i * frameBytes}); " +
                  $"{lostCommits} committed change(s) after it would be dropped without a word if SQLite opened it.";
        }
        return null;
    }

    /// <summary>SQLite's WAL checksum over 32-bit words in the log's byte order, continued from (s0, s1).</summary>
    private static (uint, uint) Checksum(ReadOnlySpan<byte> data, bool bigEndian, uint s0, uint s1)
    {
        for (var i = 0; i + 8 <= data.Length; i += 8)
        {
            var x0 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[i..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
            var x1 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[(i + 4)..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]);
            unchecked
            {
                s0 += x0 + s1;
                s1 += x1 + s0;
            }
        }
        return (s0, s1);
    }
}

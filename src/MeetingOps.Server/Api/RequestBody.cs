using System.Buffers;

namespace MeetingOps.Server.Api;

/// <summary>Reads a request body up to a limit, without trusting Content-Length.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.WrittenCount + read > limit)
            {
                return null;
            }
            buffer.Write(chunk.AsSpan(0, read));
        }
        return buffer.WrittenSpan.ToArray();
    }
}

using MeetingOps.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>
/// A command with a JSON body on one meeting (its id already read as a <see cref="MeetingId"/> by the route): the command headers read, the body read within
/// its limit and parsed. One place, so every such route refuses the same things in the same words and order.
/// </summary>
public static class CommandRequest
{
    /// <returns>Either the headers and the body, or the refusal.</returns>
    /// <param name="shape">How the body should look, said in the refusal of a malformed one.</param>
    public static async Task<(CommandHeaders? Headers, T? Body, ProblemHttpResult? Refusal)> ReadAsync<T>(
        HttpRequest request, int maxBytes, string shape, CancellationToken cancellationToken) where T : class
    {
        var (headers, error) = CommandHeaders.Read(request);
        if (headers is null)
        {
            return (null, null, error);
        }
        var bytes = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, null, Problems.TooLarge(maxBytes));
        }
        var (body, problem) = JsonBody.Read<T>(bytes);
        return body is null
            ? (null, null, Problems.BadRequest($"The {shape} is not valid JSON of the expected shape.", [problem!], ServerPhrases.RequestBodyNotJson.With()))
            : (headers, body, null);
    }
}

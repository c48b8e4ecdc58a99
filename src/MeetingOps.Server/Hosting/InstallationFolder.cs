namespace MeetingOps.Server.Hosting;

/// <summary>
/// Where the host reads its settings (appsettings.json) and pages (wwwroot) from. ASP.NET Core takes the working
/// directory, so a server started from anywhere but its own folder found no pages and no log levels. The working
/// directory still wins when it holds the pages (<c>dotnet run</c> in the project folder, the tests); otherwise the
/// application's own folder: a published server has wwwroot beside its dll, a built one finds the project's wwwroot
/// through the static web assets manifest the build writes beside its dll. The data directory stays relative to the
/// working directory (see <see cref="MeetingOpsOptions.DataDirectory"/>).
/// </summary>
public static class InstallationFolder
{
    private const string Pages = "wwwroot";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var working = Directory.GetCurrentDirectory();
        var installed = AppContext.BaseDirectory;
        if (Directory.Exists(Path.Combine(working, Pages)) || HasContentRootArgument(args))
        {
            return WebApplication.CreateBuilder(args);
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = installed });
        if (!Directory.Exists(Path.Combine(installed, Pages)))
        {
            // A build output (not a publish): the manifest maps wwwroot to the project folder, in any environment.
            builder.WebHost.UseStaticWebAssets();
        }
        return builder;
    }

    private static bool HasContentRootArgument(string[] args) =>
        args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase)) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}

using System.Text.Json;
using MeetingOps.LoadTests;

// loadtests/run.sh drives this: `run --name value …` runs one scenario and writes its result as JSON;
// `history --name value …` measures push sizes and a command's time as its meeting's history grows, on one server;
// `report <dir> <out-stem>` turns a directory of results into <out-stem>.json and <out-stem>.md.
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
switch (args.FirstOrDefault())
{
    case "run":
        var options = ScenarioOptions.Parse(args[1..]);
        await RunAndWrite(options.DeadlineSeconds, options.Out, token => new Scenario(options, Console.Out).RunAsync(token));
        return 0;
    case "history":
        var historyOptions = HistoryOptions.Parse(args[1..]);
        await RunAndWrite(historyOptions.DeadlineSeconds, historyOptions.Out, token => new History(historyOptions, Console.Out).RunAsync(token));
        return 0;
    case "report" when args.Length == 3:
        await Report.WriteAsync(args[1], args[2], json);
        return 0;
    default:
        Console.Error.WriteLine("usage: MeetingOps.LoadTests run --target meetingops|bare --hosts URL[,URL] --pids PID[,PID] --followers N …");
        Console.Error.WriteLine("       MeetingOps.LoadTests history --target URL --build NAME [--commands 4000 --sample 200] --out FILE");
        Console.Error.WriteLine("       MeetingOps.LoadTests report <results-dir> <out-stem>");
        return 2;
}

// One step within its deadline; its result as JSON to its file (when named) and to the console.
async Task RunAndWrite<T>(double deadlineSeconds, string outFile, Func<CancellationToken, Task<T>> step)
{
    using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(deadlineSeconds));
    var text = JsonSerializer.Serialize(await step(deadline.Token), json);
    if (outFile.Length > 0)
    {
        await File.WriteAllTextAsync(outFile, text);
    }
    Console.WriteLine(text);
}

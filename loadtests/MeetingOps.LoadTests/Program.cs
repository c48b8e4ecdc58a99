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
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.DeadlineSeconds)))
        {
            var result = await new Scenario(options, Console.Out).RunAsync(deadline.Token);
            var text = JsonSerializer.Serialize(result, json);
            if (options.Out.Length > 0)
            {
                await File.WriteAllTextAsync(options.Out, text);
            }
            Console.WriteLine(text);
        }
        return 0;
    case "history":
        var historyOptions = HistoryOptions.Parse(args[1..]);
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(historyOptions.DeadlineSeconds)))
        {
            var result = await new History(historyOptions, Console.Out).RunAsync(deadline.Token);
            var text = JsonSerializer.Serialize(result, json);
            if (historyOptions.Out.Length > 0)
            {
                await File.WriteAllTextAsync(historyOptions.Out, text);
            }
            Console.WriteLine(text);
        }
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

using System.Text;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>A child process's output, kept (bounded) for failure messages.</summary>
public sealed class OutputLog
{
    private const int MaxChars = 4_000_000;
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();

    public void Append(string who, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            if (_text.Length > MaxChars)
            {
                _text.Remove(0, _text.Length - MaxChars / 2);
            }
            _text.Append('[').Append(who).Append("] ").AppendLine(line);
        }
    }

    public int Count(string fragment)
    {
        lock (_gate)
        {
            var text = _text.ToString();
            var count = 0;
            for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + fragment.Length, StringComparison.Ordinal))
            {
                count++;
            }
            return count;
        }
    }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public void WriteTo(string path)
    {
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, _text.ToString());
        }
    }

    public string Tail(int chars = 12_000)
    {
        lock (_gate)
        {
            return _text.Length <= chars ? _text.ToString() : _text.ToString(_text.Length - chars, chars);
        }
    }
}

namespace Accreditation.Bench;

/// <summary>What one run is asked to do: the scenario, its size, where the system is and what the host is given.</summary>
public sealed record BenchArguments(string Scenario, int? Size)
{
    /// <summary>Configuration for the standalone host (Key=Value, ':' separated), e.g. a pragma under test.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>An already running system's gRPC gateway (h2c); without it the standalone host is started.</summary>
    public Uri? Gateway { get; init; }

    /// <summary>That system's HTTP/1.1 gateway (JSON API and token endpoint).</summary>
    public Uri? GatewayHttp { get; init; }

    /// <summary>That system's Registration service, for the direct read.</summary>
    public Uri? Registration { get; init; }

    /// <summary>That system's credentials.json (the API clients' secrets).</summary>
    public string? Credentials { get; init; }

    /// <summary>Seconds of each measured read (the read scenario's size).</summary>
    public double? Seconds { get; init; }

    /// <summary>Concurrent calls; a list for the write scenario (default 1,8,64).</summary>
    public IReadOnlyList<int>? Clients { get; init; }

    /// <summary>Where the JSON result goes (default bench/results).</summary>
    public string ResultsDirectory { get; init; } = Path.Combine("bench", "results");

    /// <summary>Only the read targets whose name contains this (e.g. while profiling one of them).</summary>
    public string? Only { get; init; }

    /// <summary>Seconds between a circulation and its deadline (pipeline, burst); chosen from the size when absent.</summary>
    public double? Window { get; init; }

    /// <summary>ledger: the SQLite file to build once and reuse (kept); without it a temporary one is built and deleted.</summary>
    public string? Database { get; init; }

    /// <summary>ledger: verification rounds (each way); the append rounds are three times as many.</summary>
    public int? Rounds { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Accreditation.Bench -- <scenario> [size] [options]

        Scenarios (size in brackets, default first):
          read      [10] seconds per target: echo direct, echo via YARP, GetApplication via the gateway (gRPC and JSON), direct, health, invalid token
          write     [1000] submissions per client count, each then screened (--clients 1,8,64)
          pipeline  [1000] applications created, screened, circulated, 10% objected to; time from the deadline to every decision and notice
          burst     [190] States filing in the last part of a window; on-time ones accepted, late ones refused
          startup   [3] rounds: time to healthy and idle resident memory of a fresh standalone host
          ledger    [1000000] entries built with the service's code (or --db reused), verified (lean and one by one, alternate rounds),
                    inclusion proofs at 1k..n, a consistency proof, appends with and without the tree (alternate rounds, ratio)
          all       every scenario above at its default size, one after the other

        Options:
          --set Key=Value       configuration for the started host (repeatable), e.g. --set Objections:DeadlinePollInterval=00:00:00.500
          --gateway URL         target a running system's gRPC gateway instead of starting one (with --gateway-http, --credentials)
          --gateway-http URL    its HTTP/1.1 gateway (JSON API, /connect/token)
          --registration URL    its Registration service, for the direct read
          --credentials FILE    its credentials.json
          --clients N[,N...]    concurrent calls (read: 128; write: 1,8,64; pipeline and burst: 64)
          --seconds S           seconds per measured read target (read's size)
          --window S            seconds from circulation to deadline (pipeline, burst)
          --only TEXT[,TEXT]    read: only the targets whose name contains one of them
          --results DIR         where the JSON result is written (default bench/results)
          --db FILE             ledger: build the ledger into FILE once and reuse it in later runs
          --rounds N            ledger: verification rounds each way (default 3); append rounds: 3 N
        """;

    public static BenchArguments? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
            return null;
        var scenario = args[0];
        int? size = null;
        var settings = new Dictionary<string, string>();
        var parsed = new BenchArguments(scenario, null);
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--set":
                    var pair = Next();
                    var eq = pair.IndexOf('=');
                    if (eq <= 0)
                        throw new ArgumentException($"--set wants Key=Value, not {pair}");
                    settings[pair[..eq]] = pair[(eq + 1)..];
                    break;
                case "--gateway": parsed = parsed with { Gateway = new Uri(Next()) }; break;
                case "--gateway-http": parsed = parsed with { GatewayHttp = new Uri(Next()) }; break;
                case "--registration": parsed = parsed with { Registration = new Uri(Next()) }; break;
                case "--credentials": parsed = parsed with { Credentials = Next() }; break;
                case "--clients": parsed = parsed with { Clients = Next().Split(',').Select(int.Parse).ToList() }; break;
                case "--seconds": parsed = parsed with { Seconds = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) }; break;
                case "--window": parsed = parsed with { Window = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) }; break;
                case "--only": parsed = parsed with { Only = Next() }; break;
                case "--results": parsed = parsed with { ResultsDirectory = Next() }; break;
                case "--db": parsed = parsed with { Database = Next() }; break;
                case "--rounds": parsed = parsed with { Rounds = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) }; break;
                case var number when int.TryParse(number, out var n) && size is null: size = n; break;
                default: throw new ArgumentException($"Unknown argument {args[i]}\n{Usage}");
            }
        }
        if (parsed.Gateway is not null && (parsed.GatewayHttp is null || parsed.Credentials is null))
            throw new ArgumentException("--gateway needs --gateway-http and --credentials too.");
        return parsed with { Size = size, Settings = settings };
    }
}

using Accreditation.Bench;

// dotnet run -c Release --project bench/Accreditation.Bench -- <scenario> [size] [options]; --help lists them.
var arguments = BenchArguments.Parse(args);
if (arguments is null)
{
    Console.WriteLine(BenchArguments.Usage);
    return 2;
}
var result = await Scenarios.RunAsync(arguments, Console.Out, CancellationToken.None);
return result.Errors == 0 ? 0 : 1;

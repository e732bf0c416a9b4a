using Accreditation.Standalone;

var options = StandaloneOptions.FromArgs(args);
await using var system = await StandaloneSystem.StartAsync(options);
system.PrintWelcome(Console.Out);
await system.WaitForShutdownAsync();

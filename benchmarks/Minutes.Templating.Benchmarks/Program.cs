using BenchmarkDotNet.Running;
using Minutes.Templating.Benchmarks;

// `generate DIR` writes the inputs for the whole-process measurements (scripts/bench-command);
// anything else is passed to BenchmarkDotNet (for example `--filter '*'`).
if (args is ["generate", var directory])
{
    Directory.CreateDirectory(directory);
    File.WriteAllText(Path.Combine(directory, "seed.yaml"), SeedInputs.Seed);
    File.WriteAllText(Path.Combine(directory, "items-300.yaml"), SeedInputs.WithItems(300));
    File.WriteAllText(Path.Combine(directory, "largest.yaml"), SeedInputs.Largest());
    var copies = Path.Combine(directory, "seed-1000");
    Directory.CreateDirectory(copies);
    for (var i = 1; i <= 1000; i++)
    {
        File.WriteAllText(Path.Combine(copies, $"minutes-{i:0000}.yaml"), SeedInputs.Seed);
    }

    Console.WriteLine($"wrote the inputs to {directory}");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
return 0;

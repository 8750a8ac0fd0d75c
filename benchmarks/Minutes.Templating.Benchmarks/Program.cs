using BenchmarkDotNet.Running;
using Minutes.Templating.Benchmarks;

// `generate DIR` writes the inputs for the whole-process measurements (benchmarks/process.sh);
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

// `loop NAME COUNT` parses and renders one input COUNT times and prints the time, allocation and garbage collection
// of each, for a profiler to attach to (for example `dotnet-trace collect -- dotnet run -c Release -- loop "300 items" 200`).
if (args is ["loop", var name, var countText])
{
    var input = RenderBenchmarks.Inputs().Single(i => i.Name == name);
    var benchmark = new RenderBenchmarks { Case = input };
    benchmark.Setup();
    var count = int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture);
    benchmark.ParseAndRender();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    var paused = GC.GetTotalPauseDuration();
    var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var watch = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        benchmark.ParseAndRender();
    }

    watch.Stop();
    cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / count;
    Console.WriteLine(System.FormattableString.Invariant($"{name}: {watch.Elapsed.TotalMilliseconds / count:0.000} ms ({cpu.TotalMilliseconds / count:0.000} ms of processor time), {bytes / 1024.0:0} KB allocated per document"));

    // Collections of each generation (a collection of generation 2 counts in all three) and the time the program was
    // paused for them: where the time per point grows with the size of the minutes.
    var perHundred = Enumerable.Range(0, 3).Select(g => (GC.CollectionCount(g) - collections[g]) * 100.0 / count).ToArray();
    Console.WriteLine(System.FormattableString.Invariant($"collections per 100 documents: {perHundred[0]:0.#} (generation 1: {perHundred[1]:0.#}, generation 2: {perHundred[2]:0.#}); paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / count:0.000} ms per document"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
return 0;

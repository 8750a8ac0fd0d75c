using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Minutes.Templating.Benchmarks;

/// <summary>Adds the size of each row's input to the table: its agenda items, points and bytes.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InputSizeColumnsAttribute : Attribute, IConfigSource
{
    /// <inheritdoc/>
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn(
        new InputColumn("Items", input => input.Items),
        new InputColumn("Points", input => input.Points),
        new InputColumn("KiB", input => System.Text.Encoding.UTF8.GetByteCount(input.Yaml) / 1024));

    private sealed class InputColumn(string name, Func<Input, int> value) : IColumn
    {
        public string Id => nameof(InputColumn) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Params;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"{name} of the input";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Value is Input)?.Value is Input input
                ? value(input).ToString("N0", CultureInfo.InvariantCulture)
                : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

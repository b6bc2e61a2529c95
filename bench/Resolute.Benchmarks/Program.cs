using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Resolute.Benchmarks.GeoBenchmarks).Assembly).Run(args);

using Resolute.Cli;

return ResoluteCli.Build().Parse(args).Invoke();

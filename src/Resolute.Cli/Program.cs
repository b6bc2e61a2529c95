using Resolute.Cli;

return ResoluteCli.Run(args);

using Minutes.Templating.Cli;

return CliApp.Run(args, Console.Out, Console.Error);

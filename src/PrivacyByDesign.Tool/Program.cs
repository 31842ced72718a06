using PrivacyByDesign.Tool;

if (args.Length > 0 && args[0] == "merge")
{
    return MergeCommand.Run(args.Skip(1).ToList(), Console.Out, Console.Error);
}

Console.Error.WriteLine(MergeCommand.Usage);
return 2;

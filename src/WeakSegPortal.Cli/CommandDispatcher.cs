using WeakSegPortal.Cli.Commands;
using WeakSegPortal.Imaging;

namespace WeakSegPortal.Cli;

/// <summary>Picks the command from the first argument and turns failures into stderr text and exit codes.</summary>
internal static class CommandDispatcher
{
    public const string Usage = """
        usage: weakseg <command> [options]
          inspect PATH                         dims, spacing, orientation, modality, value range, transfer syntax
          render PATH [--slice N] [--orientation axial|coronal|sagittal]
                      [--window C,W | --preset lung|mediastinum|bone|brain] --out F.png
          export-raw PATH --out F.raw          voxels as little-endian float32, x fastest, then y, then z
          demo-data --out DIR [--seed N] [--size N]
          stage STAGING --blobs ROOT [--skip FILE]
                                               decode an import's staging folder into the blob store; JSON lines on stdout
          suggest PATH --out F.png|F.nii[.gz] [--engine grabcut-box|grabcut-seeded|NAME] [--slice N]
                      [--orientation axial|coronal|sagittal] [--class ID] [--box X0,Y0,X1,Y1]
                      [--points "X,Y;X,Y,-"] [--scribbles FILE.json]
                      [--family sam|mobilesam|medsam|sammed2d --encoder E.onnx --decoder D.onnx]
                                               one suggested mask (coordinates in slice pixels)
          simulate --out DIR [--items N] [--size N] [--seed N] [--absence P]
                                               synthetic CT-/MR-like phantoms (NIfTI images + label volumes) and the simulated
                                               crowd's scribbles, boxes, points and tags (annotations.json; one careless annotator)
          bench [--data DIR | --image F|DIR --label F|DIR [--modality ct|mr|auto] [--side N] | --items N --size N]
                [--steps N] [--batch N] [--depth N] [--channels N] [--lr X] [--schedule constant|poly|cosine]
                [--lr-warm-up N] [--seed N] [--threads N] [--cases a,b,...]
                [--box-smoothness X] [--bag-inset N] [--box-fill X] [--size-weight X] [--size-shortfall X] [--warm-up N]
                [--crf-weight X] [--balance on|off] [--grow-tolerance X] [--absent-tag-maps on|off] [--dump DIR] [--trace N]
                                               trains with full masks and each weak label type on one split; prints Dice,
                                               HD95 (mm) and % of full supervision (cases: full-masks, scribbles, boxes, points,
                                               points-pce-only, tags, scribbles-plain-majority); --schedule: the learning
                                               rate's decay from --lr over the steps (poly: nnU-Net's (1 - t/T)^0.9),
                                               --lr-warm-up N: a linear warm-up over the first N steps;
                                               --dump DIR: per case a PNG of image | truth | prediction | difference per item
                                               and a TSV of true and predicted areas; --trace N: every N steps the mean
                                               loss and the predicted pixels per class on the training items
          agreement LABELS.json [--format csv|json]
                                               the QA desk's agreement report (per item and per annotator) from a weak-label
                                               file (docs/weak-label-format.md), offline, with the portal's own maths
        PATH is a DICOM file, a folder holding one series, a NIfTI file (.nii, .nii.gz) or a PNG/JPEG/TIFF image.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var arguments = CliArguments.Parse(args.Skip(1));
            return args[0] switch
            {
                "inspect" => InspectCommand.Run(arguments, stdout, cancellationToken),
                "render" => RenderCommand.Run(arguments, stdout, cancellationToken),
                "export-raw" => await ExportRawCommand.RunAsync(arguments, stdout, cancellationToken),
                "demo-data" => DemoDataCommand.Run(arguments, stdout, cancellationToken),
                "stage" => await StageCommand.RunAsync(arguments, stdout, cancellationToken),
                "suggest" => await SuggestCommand.RunAsync(arguments, stdout, cancellationToken),
                "simulate" => SimulateCommand.Run(arguments, stdout, cancellationToken),
                "bench" => BenchCommand.Run(arguments, stdout, cancellationToken),
                "agreement" => await AgreementCommand.RunAsync(arguments, stdout, cancellationToken),
                _ => throw new CliUsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"weakseg: {e.Message}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
        catch (ImageReadException e)
        {
            await stderr.WriteLineAsync($"weakseg: {e.Message}");
            return 3;
        }
        catch (CliRefusedException e)
        {
            await stderr.WriteLineAsync($"weakseg: {e.Message}");
            return 3;
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"weakseg: {e.Message}");
            return 4;
        }
        catch (UnauthorizedAccessException e)
        {
            await stderr.WriteLineAsync($"weakseg: {e.Message}");
            return 4;
        }
    }
}

using SkiaSharp;

namespace IdeTracker.Core.Tests.Notes;

/// <summary>Reads a PNG back with SkiaSharp: it must decode, have the asked size, and hold more than its background.</summary>
public static class PngCheck
{
    public static bool HasDrawing(string file, int width, int height)
    {
        var bytes = File.ReadAllBytes(file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        var background = bitmap.GetPixel(0, 0);
        Assert.Equal(SKColors.White, background);
        var drawn = 0;
        for (var y = 0; y < height; y += 2)
        {
            for (var x = 0; x < width; x += 2)
            {
                drawn += bitmap.GetPixel(x, y) == background ? 0 : 1;
            }
        }

        return drawn > 100;
    }
}

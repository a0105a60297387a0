import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg, initWasm } from '@resvg/resvg-wasm';

const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
/**
 * Where this module is: build/electron in the app (CommonJS), electron/report
 * under tests; the benchmark's ES module bundle has no __dirname and runs from
 * the checkout, two folders above either.
 */
function here(): string {
  return typeof __dirname === 'string' ? __dirname : join(process.cwd(), 'build', 'electron');
}

let fonts: Promise<Uint8Array[]> | null = null;

/**
 * The renderer's WebAssembly and the report's font, loaded once: the same
 * drawing on every machine, with no system font asked for (a command line
 * on a server has none).
 */
function prepare(): Promise<Uint8Array[]> {
  fonts ??= (async () => {
    const wasm = readFileSync(
      createRequire(join(here(), 'chartImage.js')).resolve('@resvg/resvg-wasm/index_bg.wasm'),
    );
    await initWasm(wasm);
    // resources/fonts, beside build/electron in the app and the checkout alike.
    const fontsDir = join(here(), '..', '..', 'resources', 'fonts');
    return FONTS.map((name) => new Uint8Array(readFileSync(join(fontsDir, name))));
  })().catch((error: unknown) => {
    fonts = null;
    throw error;
  });
  return fonts;
}

/** An SVG drawn to PNG at `zoom` times its size (3 for print: about 300 dpi at 96 to the inch). */
export async function svgToPng(svg: string, zoom = 3): Promise<Uint8Array> {
  const fontBuffers = await prepare();
  const drawing = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
    font: {
      fontBuffers,
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  try {
    return drawing.render().asPng();
  } finally {
    drawing.free();
  }
}

/**
 * `npm run icons`: renders the one source image, build/icon.svg, to every icon the
 * installers need, in build/icons/ (generated, not committed: `npm run dist` runs this
 * first, so the icons can never drift from the source and git holds no binaries).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import { encodeIcns, encodeIco } from './icon-formats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The source image every icon is rendered from. */
const ICON_SOURCE = join(ROOT, 'build', 'icon.svg');
/** Where `npm run icons` writes, and where electron-builder.yml looks. */
export const ICON_DIR = join(ROOT, 'build', 'icons');

/** Linux (AppImage, deb): a folder of `NxN.png`, installed into the hicolor theme. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** Windows (NSIS, the .exe, the taskbar): every size Explorer asks for, 256 the largest ICO allows. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** macOS: each ICNS element's OSType and edge in pixels (ic11–ic14 are the @2x ones). */
export const ICNS_ELEMENTS = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
} as const;

/** Paths of the generated set, relative to the icon folder, as electron-builder.yml names them. */
export const ICON_FILES = {
  linux: 'png',
  png: 'icon.png',
  ico: 'icon.ico',
  icns: 'icon.icns',
} as const;

let wasmReady: Promise<void> | undefined;

/** resvg's WebAssembly module, loaded once per process (a second initWasm throws). */
function loadResvg(): Promise<void> {
  const wasm = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
  wasmReady ??= readFile(wasm).then((bytes) => initWasm(bytes));
  return wasmReady;
}

/** Renders `svg` to one PNG per requested edge size. */
export async function renderSizes(svg: string, sizes: Iterable<number>): Promise<Map<number, Uint8Array>> {
  await loadResvg();
  const pngs = new Map<number, Uint8Array>();
  for (const size of new Set(sizes)) {
    const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
    if (image.width !== size || image.height !== size)
      throw new Error(`the source must be square: got ${image.width}×${image.height}`);
    pngs.set(size, image.asPng());
    image.free();
  }
  return pngs;
}

/** Renders the whole icon set from `sourcePath` into `outDir`; returns the files written. */
export async function generateIcons(outDir = ICON_DIR, sourcePath = ICON_SOURCE): Promise<string[]> {
  const svg = await readFile(sourcePath, 'utf8');
  const pngs = await renderSizes(svg, [...LINUX_SIZES, ...ICO_SIZES, ...Object.values(ICNS_ELEMENTS)]);
  const png = (size: number): Uint8Array => {
    const bytes = pngs.get(size);
    if (!bytes) throw new Error(`no ${size}px rendering`);
    return bytes;
  };
  const files = new Map<string, Uint8Array>();
  for (const size of LINUX_SIZES) files.set(join(ICON_FILES.linux, `${size}x${size}.png`), png(size));
  files.set(ICON_FILES.png, png(512));
  files.set(ICON_FILES.ico, encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  const icns = Object.entries(ICNS_ELEMENTS).map(([type, size]) => ({ type, png: png(size) }));
  files.set(ICON_FILES.icns, encodeIcns(icns));

  const written: string[] = [];
  for (const [name, bytes] of files) {
    const path = join(outDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : ICON_DIR;
  generateIcons(outDir).then(
    (files) => console.log(`icons: ${files.length} files in ${outDir}`),
    (error: unknown) => {
      console.error(`icons: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

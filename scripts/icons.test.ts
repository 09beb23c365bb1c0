// @vitest-environment node
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeIcns, decodeIco, encodeIcns, encodeIco, pngSize } from './icon-formats';
import { ICNS_ELEMENTS, ICON_FILES, ICO_SIZES, LINUX_SIZES, generateIcons, renderSizes } from './icons';

/** The smallest valid PNG header for a w×h image (enough for pngSize). */
function fakePng(width: number, height: number): Uint8Array {
  const png = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png, 0);
  png.writeUInt32BE(13, 8);
  png.write('IHDR', 12, 'latin1');
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}

describe('icon containers', () => {
  it('ICO: writes and reads back each image, 256 px stored as 0', () => {
    const images = [16, 48, 256].map((size) => ({ size, png: fakePng(size, size) }));
    const ico = encodeIco(images);
    expect(ico[6 + 16 * 2]).toBe(0);
    const decoded = decodeIco(ico);
    expect(decoded.map((image) => image.size)).toEqual([16, 48, 256]);
    expect(decoded.map((image) => pngSize(image.png).width)).toEqual([16, 48, 256]);
  });

  it('ICNS: writes and reads back each element with its type', () => {
    const icns = encodeIcns([
      { type: 'icp4', png: fakePng(16, 16) },
      { type: 'ic10', png: fakePng(1024, 1024) },
    ]);
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(decodeIcns(icns).map((e) => [e.type, pngSize(e.png).width])).toEqual([
      ['icp4', 16],
      ['ic10', 1024],
    ]);
  });

  it('refuses what it cannot write or read', () => {
    expect(() => encodeIco([{ size: 512, png: fakePng(512, 512) }])).toThrow(/1–256/);
    expect(() => encodeIcns([{ type: 'toolong', png: fakePng(1, 1) }])).toThrow(/ICNS type/);
    expect(() => pngSize(Buffer.from('GIF89a and then some more bytes'))).toThrow(/not a PNG/);
    expect(() => decodeIcns(Buffer.from('icns\0\0\0\x09!'))).toThrow();
    expect(() => decodeIco(Buffer.from([0, 0, 2, 0, 0, 0]))).toThrow(/not an ICO/);
  });
});

describe('npm run icons', () => {
  let dir = '';
  let files: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'socket-lab-icons-'));
    files = await generateIcons(dir);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('renders every size at its true pixel size', async () => {
    const pngs = await renderSizes(
      await readFile(join(import.meta.dirname, '..', 'build', 'icon.svg'), 'utf8'),
      [16, 1024],
    );
    expect(pngSize(pngs.get(16) ?? new Uint8Array())).toEqual({ width: 16, height: 16 });
    expect(pngSize(pngs.get(1024) ?? new Uint8Array())).toEqual({ width: 1024, height: 1024 });
  });

  it('Linux: a folder of NxN.png from 16 to 512', async () => {
    const names = (await readdir(join(dir, ICON_FILES.linux))).sort();
    expect(names).toEqual(LINUX_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const size of LINUX_SIZES) {
      const png = await readFile(join(dir, ICON_FILES.linux, `${size}x${size}.png`));
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
    expect(pngSize(await readFile(join(dir, ICON_FILES.png)))).toEqual({ width: 512, height: 512 });
  });

  it('Windows: one ICO holding 16 to 256 px', async () => {
    const images = decodeIco(await readFile(join(dir, ICON_FILES.ico)));
    expect(images.map((image) => image.size)).toEqual([...ICO_SIZES]);
    for (const image of images) expect(pngSize(image.png)).toEqual({ width: image.size, height: image.size });
    expect(ICO_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('macOS: one ICNS with every element from 16 px to 1024 px (512@2x)', async () => {
    const elements = decodeIcns(await readFile(join(dir, ICON_FILES.icns)));
    expect(elements.map((e) => e.type)).toEqual(Object.keys(ICNS_ELEMENTS));
    for (const element of elements) {
      const size = ICNS_ELEMENTS[element.type as keyof typeof ICNS_ELEMENTS];
      expect(pngSize(element.png)).toEqual({ width: size, height: size });
    }
    expect(Object.values(ICNS_ELEMENTS)).toEqual(expect.arrayContaining([16, 32, 128, 256, 512, 1024]));
  });

  it('writes exactly those files, and keeps them small', async () => {
    expect(files).toHaveLength(LINUX_SIZES.length + 3);
    const sizes = await Promise.all(files.map(async (file) => (await readFile(file)).length));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(1024 * 1024);
  });
});

import { createHash } from 'node:crypto';
import { kicadPcmPackage, PCM_LIBRARY_NICKNAME, pcmModelDir, pcmNames } from '../../kicad/index.js';
import { zipTasks } from '../../kicad/zip.js';
import type { RegisterCommand } from '../context.js';
import { WHOLE_FILE_HELP, writeOutputFile } from '../files.js';
import { json, printable, write } from '../io.js';
import { OVERRIDES_HELP, readRoleOverrides, resultError } from './_kicad-io.js';

export const registerKicadPcm: RegisterCommand = (command, ctx) => {
  command
    .option('--overrides <file>', `${OVERRIDES_HELP}; applied to every footprint of that role and its 3D models`)
    .option('--json', 'print JSON: the file, its size and SHA-256 (for a repository packages.json), the identifier and the entries')
    .addHelpText(
      'after',
      `\nThe package is deterministic (byte-identical for the same input). KiCad installs it under its 3rd-party folder and adds the libraries as ${PCM_LIBRARY_NICKNAME}; the footprints link their models as ${pcmModelDir()}/<name>.step.\n${WHOLE_FILE_HELP}\nExit code: 0 written, 2 on bad overrides or when the file cannot be written.`,
    )
    .action(async (file: string, options: { overrides?: string; json?: boolean }) => {
      const given = await readRoleOverrides(ctx.io.cwd, options.overrides);
      const pkg = kicadPcmPackage(given ?? {}, ctx.series);
      const names = pcmNames(ctx.series);
      if (!pkg.ok) throw resultError(pkg.error, pkg.suggestions);
      const zip = await zipTasks(pkg.value);
      writeOutputFile(ctx.io.cwd, file, zip);
      const sha256 = createHash('sha256').update(zip).digest('hex');
      const count = (re: RegExp) => pkg.value.filter((t) => re.test(t.path)).length;
      const summary = {
        file,
        bytes: zip.byteLength,
        sha256,
        identifier: names.identifier,
        libraryNickname: names.libraryNickname,
        footprints: count(/\.kicad_mod$/),
        symbolLibraries: count(/\.kicad_sym$/),
        modelFiles: count(/\.(step|wrl)$/),
        entries: pkg.value.map((t) => t.path),
      };
      if (options.json) return write(ctx.io.stdout, json(summary));
      await write(
        ctx.io.stdout,
        `${printable(file)}: KiCad PCM package ${names.identifier} (${zip.byteLength} bytes, sha256 ${sha256}): ${summary.footprints} footprints, ${summary.symbolLibraries} symbol library, ${summary.modelFiles} 3D model files. Install: KiCad -> Plugin and Content Manager -> Install from File; the libraries appear as ${names.libraryNickname}.\n`,
      );
    });
};

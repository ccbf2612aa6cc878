/**
 * `npm run lint`: fails when a line in src/ is longer than 140 characters. Biome wraps code at 120
 * but leaves strings, comments and template literals alone; this catches those. Generated code is
 * exempt. Plain JavaScript so that lint runs without a build.
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const LIMIT = 140;
const CHECKED = ['src'];
const EXEMPT = ['src/provider/protocol/generated'];
const CODE_FILE = /\.(ts|js|proto)$/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (EXEMPT.includes(relative(ROOT, path))) continue;
    if (entry.isDirectory()) yield* files(path);
    else if (CODE_FILE.test(entry.name)) yield path;
  }
}

const tooLong = [];
for (const dir of CHECKED) {
  for (const file of files(join(ROOT, dir))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const width = [...line].length;
        if (width > LIMIT) tooLong.push(`${relative(ROOT, file)}:${i + 1}: ${width} characters`);
      });
  }
}
if (tooLong.length > 0) {
  console.error(`Lines longer than ${LIMIT} characters (wrap the string or comment):\n${tooLong.join('\n')}`);
  process.exit(1);
}

/**
 * What npmjs shows of each package: its manifest's repository, homepage and issues, and its
 * README's links. npmjs renders a README apart from the repository, so a relative link there
 * leads nowhere; every link must be absolute and point into this repository's README at a
 * heading that exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packages, ROOT, root } from './manifests';

/** The web address of the repository, from the root manifest's git URL. */
function repositoryWebUrl(): string {
  const url = root.repository?.url ?? '';
  expect(url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const rootAnchors = new Set(
  [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1]!)),
);

test('every manifest names the same repository (the package folder as its directory), homepage and issues', () => {
  const web = repositoryWebUrl();
  expect(root.bugs).toEqual({ url: `${web}/issues` });
  for (const [dir, pkg] of packages) {
    expect({ dir, repository: pkg.repository, homepage: pkg.homepage, bugs: pkg.bugs }).toEqual({
      dir,
      repository: { ...root.repository, directory: dir },
      homepage: `${web}/tree/main/${dir}#readme`,
      bugs: root.bugs,
    });
  }
});

test("package READMEs link absolutely, into the repository README's existing headings", () => {
  const web = repositoryWebUrl();
  expect(rootAnchors.has('the-server')).toBe(true);
  for (const dir of packages.keys()) {
    const readme = readFileSync(join(ROOT, dir, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect({ dir, relative: targets.filter((target) => !/^https:\/\//.test(target)) }).toEqual({ dir, relative: [] });
    const intoRepository = targets.filter((target) => target.startsWith(`${web}#`));
    expect({ dir, count: intoRepository.length > 0 }).toEqual({ dir, count: true });
    const missing = intoRepository.map((target) => target.slice(web.length + 1)).filter((a) => !rootAnchors.has(a));
    expect({ dir, missing }).toEqual({ dir, missing: [] });
  }
});

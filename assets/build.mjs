// Compiles our Sass (GOV.UK Frontend with Coproduce's own brand) and copies
// the GOV.UK Frontend script into Django's static folder. Run by `make assets`.
// The dyslexia-friendly fonts get stylesheets of their own, with their font files,
// which a page links only for people who chose them (accounts.Font).
import { mkdirSync, copyFileSync, readdirSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const out = "coproduce/static/dist";
mkdirSync(`${out}/fonts`, { recursive: true });

function compile(name) {
  const result = sass.compile(`assets/scss/${name}.scss`, {
    style: "compressed",
    loadPaths: ["node_modules"],
    importers: [new sass.NodePackageImporter()],
    quietDeps: true,
    silenceDeprecations: ["import"],
  });
  writeFileSync(`${out}/${name}.css`, result.css);
}

compile("main");
compile("font-hyperlegible");
compile("font-opendyslexic");

const fonts = {
  "@fontsource/atkinson-hyperlegible-next": /^atkinson-hyperlegible-next-latin(-ext)?-(400|700)-normal\.woff2$/,
  "@fontsource/opendyslexic": /^opendyslexic-latin-(400|700)-normal\.woff2$/,
};
for (const [pkg, wanted] of Object.entries(fonts)) {
  const dir = `node_modules/${pkg}/files`;
  for (const file of readdirSync(dir).filter((name) => wanted.test(name))) {
    copyFileSync(`${dir}/${file}`, `${out}/fonts/${file}`);
  }
}
copyFileSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", `${out}/govuk-frontend.min.js`);
copyFileSync("assets/js/app.js", `${out}/app.js`);
console.log(`assets built in ${out}`);

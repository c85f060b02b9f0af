// Compiles our Sass (GOV.UK Frontend with Coproduce's own brand) and copies
// the GOV.UK Frontend script into Django's static folder. Run by `make assets`.
import { mkdirSync, copyFileSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const out = "coproduce/static/dist";
mkdirSync(out, { recursive: true });

const result = sass.compile("assets/scss/main.scss", {
  style: "compressed",
  loadPaths: ["node_modules"],
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(`${out}/main.css`, result.css);
copyFileSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", `${out}/govuk-frontend.min.js`);
copyFileSync("assets/js/app.js", `${out}/app.js`);
console.log(`assets built in ${out}`);

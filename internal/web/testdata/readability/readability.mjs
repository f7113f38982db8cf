// Reads an HTML page as Firefox's reader view does, with Mozilla's
// Readability over jsdom, and prints what it extracted as JSON.
//
//   node readability.mjs URL < page.html
//
// URL is the page's address, against which Readability resolves links.
// Scripts on the page are not run, as in reader view.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { Readability } from "@mozilla/readability";

const url = process.argv[2];
if (!url) {
  console.error("usage: node readability.mjs URL < page.html");
  process.exit(2);
}
const html = readFileSync(0, "utf8");
const { document } = new JSDOM(html, { url }).window;
const article = new Readability(document).parse();
if (!article) {
  console.error("readability: no article found");
  process.exit(1);
}
process.stdout.write(
  JSON.stringify({
    title: article.title,
    byline: article.byline,
    lang: article.lang,
    content: article.content,
    textContent: article.textContent,
  }) + "\n",
);

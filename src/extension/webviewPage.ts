// The opening of a webview page the extension draws (compare, timeline): the document type, the Content Security
// Policy the page runs under, its stylesheet and title, so that every page declares them the same way.

/** `<!DOCTYPE html>` to `</head>`; `csp`, `css` and `title` are put in as given (the caller escapes them). */
export function pageHead(csp: string, css: string, title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>${title}</title>
</head>`;
}

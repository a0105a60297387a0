import type { CodeNode } from '../../shared/documents';
import type { Language } from '../../shared/domain';
import { listCodes } from '../store/codes';
import type { Db } from '../store/database';
import { childrenByParent } from './refi/codeTree';
import { translator } from './translator';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The codebook as a document to read, print or send to a colleague: the tree
 * with each code's definition, memo and counts. Self-contained HTML: it opens
 * in any browser and in Word.
 */
export function codebookDocument(db: Db, title: string, language: Language): string {
  const t = translator(language);
  const codes = listCodes(db);
  const children = childrenByParent(codes);
  const totals = new Map<string, { codings: number; documents: number }>();
  const total = (code: CodeNode): { codings: number } => {
    let codings = code.codingCount;
    for (const child of children.get(code.id) ?? []) codings += total(child).codings;
    totals.set(code.id, { codings, documents: code.documentCount });
    return { codings };
  };
  for (const root of children.get(null) ?? []) total(root);

  const section = (code: CodeNode, depth: number): string => {
    const heading = `h${Math.min(depth + 2, 6)}`;
    const counts = t('codebookDocument.counts', {
      own: code.codingCount,
      documents: code.documentCount,
      total: totals.get(code.id)?.codings ?? 0,
    });
    return [
      `<section class="code depth-${depth}">`,
      `<${heading}><span class="swatch" style="background:${escapeHtml(code.colour)}"></span>${escapeHtml(code.name)}</${heading}>`,
      `<p class="counts">${escapeHtml(counts)}</p>`,
      code.description
        ? `<p class="definition"><strong>${escapeHtml(t('codebookDocument.definition'))}</strong> ${escapeHtml(code.description)}</p>`
        : '',
      code.memo
        ? `<p class="memo"><strong>${escapeHtml(t('codebookDocument.memo'))}</strong> ${escapeHtml(code.memo)}</p>`
        : '',
      ...(children.get(code.id) ?? []).map((child) => section(child, depth + 1)),
      '</section>',
    ].join('\n');
  };
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(t('codebookDocument.title', { project: title }))}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; line-height: 1.5; color: #222; }
section.code { margin-left: 1.25rem; }
section.depth-0 { margin-left: 0; border-top: 1px solid #ccc; padding-top: 0.5rem; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.4em; }
.counts { color: #555; font-size: 0.9em; margin: 0; }
.definition, .memo { white-space: pre-wrap; }
</style>
</head>
<body>
<h1>${escapeHtml(t('codebookDocument.title', { project: title }))}</h1>
<p>${escapeHtml(t('codebookDocument.summary', { count: codes.length }))}</p>
${(children.get(null) ?? []).map((root) => section(root, 0)).join('\n')}
</body>
</html>
`;
}

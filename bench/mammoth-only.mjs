/**
 * The yardstick of bench/docx-process.mjs: a process that only converts one Word file to HTML
 * with mammoth, as a reader of .docx would at the least. Usage: node bench/mammoth-only.mjs X.docx
 */
import mammoth from 'mammoth';

const result = await mammoth.convertToHtml({ path: process.argv[2] });
process.stdout.write(String(result.value.length));

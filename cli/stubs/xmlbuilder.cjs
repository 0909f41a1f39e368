// Stands in for xmlbuilder in the bundled command line (cli/bundle.mjs). mammoth loads it to write
// XML into a .docx (embedding a style map), which contract-lint never asks of it.
'use strict';
module.exports = {
  create() {
    throw new Error('mammoth was asked to write XML; contract-lint does not bundle xmlbuilder for it');
  },
};

// Stands in for jszip in the bundled command line (cli/bundle.mjs). mammoth loads jszip for its
// own unzip, which contract-lint never uses: it opens the package itself and hands mammoth the
// parts already parsed (engine/load/docx/handover.ts). Loading jszip took 25-32 ms of a Word lint,
// with the Node stream modules it pulls in. Should mammoth ever be asked to unzip, it says why it cannot.
'use strict';
module.exports = {
  loadAsync() {
    return Promise.reject(
      new Error('mammoth reads parts handed over by contract-lint; its own unzip (jszip) is not bundled'),
    );
  },
};

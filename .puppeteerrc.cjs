// Puppeteer must not download its own browser: the registry is the only network here.
// jianbao finds Chromium itself (PUPPETEER_EXECUTABLE_PATH, puppeteer's cache, system paths).
module.exports = { skipDownload: true };

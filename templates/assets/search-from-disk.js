// Search page opened from disk (file:): search cannot work there, as browsers refuse search.js
// (a module) or its fetch of the index, and a link to a folder shows the folder. Say so, linking
// each year's index.html. A classic script, which browsers run from file: too.
if (location.protocol === 'file:') {
  document.getElementById('search-from-disk').hidden = false;
  // Searching again reloads this page rather than listing its folder.
  document.getElementById('search-form').action = 'index.html';
}

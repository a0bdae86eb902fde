// office-addin-mock imports office-addin-manifest, whose ESM dependency jest cannot load.
// The mock never uses it in our tests, so an empty module stands in.
module.exports = {};

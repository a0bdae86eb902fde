/**
 * Plan Tracker's build: ONE page (taskpane.html) hosts both the task pane and the
 * custom functions, because the add-in runs in a shared runtime (the manifest gives
 * the same URL to the task pane, the FunctionFile and the custom functions Page).
 *
 * - `functions` and `taskpane` are separate entries so the functions' bundle holds
 *   only src/functions, the shared plan finder (src/workbook/locate and blocks), the report
 *   history format and the engine: never React or Fluent.
 * - custom-functions-metadata-plugin writes functions.json from functions.ts's JSDoc
 *   and appends the CustomFunctions.associate calls to it.
 * - A production build rewrites https://localhost:3000/ to PLAN_TRACKER_URL in the
 *   manifest and in functions.json (its help links).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources, Compilation } = require("webpack");
const { BundleBudgetPlugin } = require("./scripts/check-bundle-budget");

const urlDev = "https://localhost:3000/";
// Where the built files are served in production; set PLAN_TRACKER_URL when building for real.
const urlProd = withSlash(process.env.PLAN_TRACKER_URL || "https://plan-tracker.example.org/");

function withSlash(url) {
  return url.endsWith("/") ? url : url + "/";
}

/** Rewrites the development origin to the production one in text assets. */
function toProduction(text) {
  return text.split(urlDev).join(urlProd);
}

/** Rewrites functions.json's help links in production (it is emitted by a plugin, not copied). */
class RewriteUrlsPlugin {
  constructor(assetNames) {
    this.assetNames = assetNames;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RewriteUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          for (const name of this.assetNames) {
            if (!assets[name]) continue;
            const text = assets[name].source().toString();
            compilation.updateAsset(name, new sources.RawSource(toProduction(text)));
          }
        }
      );
    });
  }
}

/**
 * HTTPS options for the dev server. office-addin-dev-certs makes and trusts a
 * certificate; where it cannot trust its CA (no sudo, Linux) it throws, so fall back
 * to the certificate files it left behind, and failing that to webpack-dev-server's
 * own self-signed certificate (the browser will then ask the officer to accept it).
 */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    const found = Object.fromEntries(
      Object.entries(files)
        .map(([k, f]) => [k, path.join(dir, f)])
        .filter(([, p]) => fs.existsSync(p))
        .map(([k, p]) => [k, fs.readFileSync(p)])
    );
    if (found.cert && found.key) {
      console.warn(
        `Dev certificates not trusted (${error.message.split("\n")[0]}); using the files in ${dir}.`
      );
      return found;
    }
    console.warn("No dev certificates; the dev server uses a self-signed certificate.");
    return {};
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);

  return {
    devtool: "source-map",
    entry: {
      // functions first: the page registers the functions before the pane renders.
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      // dist/addin, not dist: the command line is compiled to dist/ (tsconfig.cli.json),
      // and `clean` must not delete it.
      path: path.resolve(__dirname, "dist", "addin"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".html"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type-checking is `tsc --noEmit` in npm test; the build only transpiles. ES modules
          // (tsconfig says commonjs, for jest and Node) let webpack drop unused exports, so
          // the pane does not carry every Fluent icon nor the functions all of date-fns.
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "docs/**/*.html", to: "[path][name][ext]", noErrorOnMissing: true },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : toProduction(content.toString());
            },
          },
        ],
      }),
      ...(dev ? [] : [new RewriteUrlsPlugin(["functions.json"])]),
      // Production fails when a bundle outgrows bundle-budget.json (measured + 10%).
      ...(dev ? [] : [new BundleBudgetPlugin()]),
    ],
    performance: {
      // The pane's bundle carries React and Fluent; the warning is noise for an add-in.
      hints: false,
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: serving ? await httpsOptions() : {} },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};

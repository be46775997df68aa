#!/bin/sh
# Copy the pinned Decap CMS bundle from node_modules into assets/cms/, where build.rs
# embeds it in the binary (served by `veiviser serve` at /admin/). Run after changing the
# decap-cms version in scripts/cms/package.json:  (cd scripts/cms && npm ci) && scripts/update-cms.sh
set -eu
cd "$(dirname "$0")/.."
dist=scripts/cms/node_modules/decap-cms/dist
version=$(node -p "require('./scripts/cms/node_modules/decap-cms/package.json').version")
rm -rf assets/cms
mkdir -p assets/cms
# The main bundle, its lazily loaded chunks and the WebP encoders it loads for uploads.
cp "$dist"/*decap-cms.js "$dist"/*.wasm "$dist"/decap-cms.js.LICENSE.txt assets/cms/
cat > assets/cms/LICENSE <<LICENSE
Decap CMS $version (npm decap-cms), https://github.com/decaporg/decap-cms

Copyright (c) 2016 Netlify <decap@p-m.si>

MIT License

Permission is hereby granted, free of charge, to any person obtaining
a copy of this software and associated documentation files (the
"Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to
the following conditions:

The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

The licences of the third-party code inside the bundle are in decap-cms.js.LICENSE.txt.
LICENSE
echo "$version" > assets/cms/VERSION
du -sh assets/cms

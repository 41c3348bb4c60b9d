// The little script the pages need beyond htmx. Everything here is an enhancement: each page
// works without it.
(function () {
  "use strict";
})();

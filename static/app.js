// The little script the pages need beyond htmx. Everything here is an enhancement: each page
// works without it, and each button it drives is rendered `hidden` until the browser can do it.
// Words shown come from the page (data-* attributes), never from here.
(function () {
  "use strict";

  // "Use my location" on the results page: fills the hidden lat/lng fields, forgets the chosen
  // village, orders by distance and asks for the list again. Only when the browser has
  // geolocation and the page is secure enough to use it; the phone asks the person first.
  function setUpLocate() {
    var button = document.getElementById("locate");
    var form = document.getElementById("job-search");
    if (!button || !form || !("geolocation" in navigator) || !window.isSecureContext) return;
    var status = document.getElementById("locate-status");
    var lat = document.getElementById("lat");
    var lng = document.getElementById("lng");
    var village = document.getElementById("village");
    var sort = document.getElementById("sort");
    button.hidden = false;
    button.addEventListener("click", function () {
      if (status) status.textContent = button.getAttribute("data-locating") || "";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          // About 100 m is enough to tell how far a job is.
          lat.value = position.coords.latitude.toFixed(3);
          lng.value = position.coords.longitude.toFixed(3);
          if (village) village.value = "";
          if (sort) sort.value = "distance";
          if (status) status.textContent = "";
          form.requestSubmit();
        },
        function () {
          if (status) status.textContent = button.getAttribute("data-failed") || "";
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
      );
    });
    // Choosing a village replaces the phone's position.
    if (village) {
      village.addEventListener("change", function () {
        if (village.value) {
          lat.value = "";
          lng.value = "";
        }
      }, true);
    }
  }

  // Read aloud on a job's page, for people who read with difficulty: the browser's own speech,
  // in a zh-CN voice when it has one.
  function setUpReadAloud() {
    var button = document.getElementById("read-aloud");
    var article = document.querySelector("[data-read-aloud]");
    if (!button || !article || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    var startLabel = button.textContent;
    var stopLabel = button.getAttribute("data-stop") || startLabel;
    var speaking = false;
    function reset() {
      speaking = false;
      button.textContent = startLabel;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (speaking) {
        window.speechSynthesis.cancel();
        reset();
        return;
      }
      var text = article.innerText.replace(button.textContent, "");
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = "zh-CN";
      utterance.rate = 0.9;
      var voices = window.speechSynthesis.getVoices();
      for (var i = 0; i < voices.length; i++) {
        if (voices[i].lang === "zh-CN" || voices[i].lang === "zh_CN") {
          utterance.voice = voices[i];
          break;
        }
      }
      utterance.onend = reset;
      utterance.onerror = reset;
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(utterance);
      speaking = true;
      button.textContent = stopLabel;
    });
  }

  // Print the job's page as a notice (the print style shows the QR code large).
  function setUpPrint() {
    var button = document.getElementById("print-page");
    if (!button || typeof window.print !== "function") return;
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  }

  function start() {
    setUpLocate();
    setUpReadAloud();
    setUpPrint();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

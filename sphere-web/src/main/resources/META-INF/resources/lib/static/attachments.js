// Attachments: drag and drop and a progress bar per file on top of the plain upload form (which works without
// this script), and thumbnails that replace their placeholder once the worker made them. No library, no build.
(function () {
  'use strict';

  function text(template, name) { return template.replace('__NAME__', name); }

  function upload(form) {
    var input = form.querySelector('input[type=file]');
    var list = document.getElementById('upload-progress');
    var zone = document.getElementById('dropzone');
    var token = form.querySelector('input[name="csrf-token"]').value;
    var max = parseInt(form.getAttribute('data-max-bytes'), 10);
    zone.hidden = false;

    function send(files) {
      var pending = files.length, added = 0, failed = 0;
      list.textContent = '';
      Array.prototype.forEach.call(files, function (file) {
        var item = document.createElement('li');
        var label = document.createElement('span');
        var bar = document.createElement('progress');
        bar.max = 100; bar.value = 0;
        label.textContent = text(form.getAttribute('data-msg-uploading'), file.name);
        item.appendChild(label); item.appendChild(bar); list.appendChild(item);
        function done(ok, message) {
          if (ok) { added++; bar.value = 100; } else {
            failed++; item.className = 'field-error'; label.textContent = message; bar.remove();
          }
          if (--pending === 0) { finished(added, failed); }
        }
        if (file.size > max) {
          done(false, text(form.getAttribute('data-msg-too-large'), file.name));
          return;
        }
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.getAttribute('data-api') + '?name=' + encodeURIComponent(file.name));
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        xhr.setRequestHeader('X-CSRF-TOKEN', token);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.upload.onprogress = function (e) { if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); } };
        xhr.onload = function () {
          if (xhr.status >= 200 && xhr.status < 300) { done(true); return; }
          var message = null;
          try { message = JSON.parse(xhr.responseText).detail; } catch (ignored) { /* nginx's own page */ }
          if (!message) {
            message = xhr.status === 413 ? form.getAttribute('data-msg-request-too-large')
              : text(form.getAttribute('data-msg-failed'), file.name);
          }
          done(false, message);
        };
        xhr.onerror = function () {
          done(false, text(form.getAttribute('data-msg-failed'), file.name));
        };
        xhr.send(file);
      });
    }

    function finished(added, failed) {
      if (failed === 0) {
        window.location.assign(window.location.pathname + '?added=' + added);
      } else if (added > 0) {
        refreshList();
      }
      input.value = '';
    }

    form.addEventListener('submit', function (e) {
      if (!input.files || input.files.length === 0) { return; }
      e.preventDefault();
      send(input.files);
    });
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) { send(e.dataTransfer.files); }
    });
  }

  function refreshList() {
    var section = document.getElementById('attachment-list');
    if (!section) { return; }
    var xhr = new XMLHttpRequest();
    xhr.open('GET', window.location.pathname);
    xhr.responseType = 'document';
    xhr.onload = function () {
      var fresh = xhr.response && xhr.response.getElementById('attachment-list');
      if (fresh) { section.innerHTML = fresh.innerHTML; watchThumbnails(); }
    };
    xhr.send();
  }

  var polling = false;
  function watchThumbnails() {
    var table = document.getElementById('attachments');
    if (!table || polling || !table.querySelector('.thumb-placeholder')) { return; }
    polling = true;
    var rounds = 0;
    function poll() {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', table.getAttribute('data-poll'));
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.onload = function () {
        var left = 0;
        if (xhr.status === 200) {
          JSON.parse(xhr.responseText).items.forEach(function (a) {
            var placeholder = document.getElementById('thumbnail-pending-' + a.id);
            if (!placeholder) { return; }
            if (a.thumbnail === 'READY') {
              var link = document.createElement('a');
              link.href = placeholder.getAttribute('data-href');
              var img = document.createElement('img');
              img.className = 'thumbnail'; img.id = 'thumbnail-' + a.id; img.alt = a.name;
              img.src = placeholder.getAttribute('data-src');
              link.appendChild(img);
              placeholder.replaceWith(link);
            } else if (a.thumbnail === 'PENDING') {
              left++;
            } else {
              placeholder.className = 'thumb-none'; placeholder.textContent = '▢';
              placeholder.removeAttribute('id');
            }
          });
        }
        polling = left > 0 && ++rounds < 120;
        if (polling) { window.setTimeout(poll, 1500); }
      };
      xhr.onerror = function () { polling = false; };
      xhr.send();
    }
    window.setTimeout(poll, 1000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('upload-form');
    if (form && window.XMLHttpRequest) { upload(form); }
    watchThumbnails();
  });
}());

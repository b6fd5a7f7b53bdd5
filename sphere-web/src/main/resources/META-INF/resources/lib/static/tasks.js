// Keyboard for the task inbox: j/k or arrows move, Enter opens, x completes the selected task.
// The page works without it: every row is a link and every action a form.
(function () {
  'use strict';
  var list = document.querySelector('[data-keyboard-list]');
  if (!list) { return; }
  var rows = Array.prototype.slice.call(list.querySelectorAll('.task-row'));
  if (!rows.length) { return; }
  var current = -1;
  function select(i) {
    if (i < 0 || i >= rows.length) { return; }
    if (current >= 0) { rows[current].classList.remove('selected'); rows[current].removeAttribute('aria-current'); }
    current = i;
    rows[i].classList.add('selected');
    rows[i].setAttribute('aria-current', 'true');
    rows[i].focus();
  }
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) { return; }
    if (t && t.tagName === 'BUTTON' && e.key === 'Enter') { return; }
    if (e.key === 'j' || e.key === 'ArrowDown') { select(current + 1 < rows.length ? current + 1 : current); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'ArrowUp') { select(current > 0 ? current - 1 : 0); e.preventDefault(); }
    else if (e.key === 'Enter' && current >= 0) { window.location.href = rows[current].getAttribute('data-href'); e.preventDefault(); }
    else if ((e.key === 'x' || e.key === 'c') && current >= 0) {
      var button = rows[current].querySelector('button[data-action="complete"], button[data-action="claim"]');
      if (button) { button.click(); e.preventDefault(); }
    }
  });
  rows.forEach(function (row, i) { row.addEventListener('click', function () { select(i); }); });
})();

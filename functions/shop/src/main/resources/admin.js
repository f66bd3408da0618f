// Uploads the chosen image straight to S3 with a presigned PUT, then submits the product form with its key.
// Without JavaScript the form still works; the product is saved without an image.
(function () {
  var form = document.getElementById('product-form') || document.querySelector('form[data-upload-url]');
  var input = document.getElementById('image');
  var status = document.getElementById('upload-status');
  if (!form || !input) return;
  form.addEventListener('submit', function (event) {
    var file = input.files && input.files[0];
    if (!file || document.getElementById('imageKey').value) return;
    var submitter = event.submitter;
    event.preventDefault();
    status.textContent = 'Uploading image…';
    fetch(form.dataset.uploadUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json',
                'X-CSRF-Token': form.elements._csrf.value},
      body: JSON.stringify({contentType: file.type, contentLength: file.size})
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.detail || 'the upload was refused');
        return body;
      });
    }).then(function (upload) {
      return fetch(upload.url, {method: 'PUT', headers: {'Content-Type': upload.contentType}, body: file})
        .then(function (response) {
          if (!response.ok) throw new Error('storage answered ' + response.status);
          document.getElementById('imageKey').value = upload.key;
          status.textContent = 'Image uploaded.';
          // form.submit() sends no submitter: carry which button was pressed (save, or update the variants)
          if (submitter && submitter.name) {
            var action = document.createElement('input');
            action.type = 'hidden';
            action.name = submitter.name;
            action.value = submitter.value;
            form.appendChild(action);
          }
          form.submit();
        });
    }).catch(function (error) {
      status.textContent = 'The image could not be uploaded: ' + error.message;
      status.className = 'error';
    });
  });
})();

// The spreadsheet import: reads the chosen CSV file into the form's text field, which the form then posts.
// Without JavaScript the owner pastes the file's contents into the field instead.
(function () {
  var file = document.getElementById('csv-file');
  var text = document.getElementById('csv');
  if (!file || !text) return;
  file.addEventListener('change', function () {
    var chosen = file.files && file.files[0];
    if (!chosen) return;
    var reader = new FileReader();
    reader.onload = function () { text.value = reader.result; };
    reader.readAsText(chosen, 'utf-8');
  });
})();

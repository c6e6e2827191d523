/**
 * Text the library writes for people: in the reader's language ({@link dev.custflow.text.Wording}), "did you mean"
 * suggestions ({@link dev.custflow.text.Suggest}) and the masks
 * that keep personal data out of messages, reasons and logs ({@link dev.custflow.text.PersonalData}), and the times
 * of the event contract as the engine reads them ({@link dev.custflow.text.Instants}). The bottom layer: it depends
 * on nothing else of Custflow.
 */
package dev.custflow.text;
